/**
 * What the in-framework tests share: an HTTP client for the platform's API, polling, the deploy folder, a
 * server-sent-events client, and pilot bundles built at test time.
 */
package nl.proeftuin.itest.support;
