/**
 * What a pilot shows on the dashboard: {@link nl.proeftuin.api.screen.Screen screens}, either a
 * {@link nl.proeftuin.api.screen.WidgetScreen list of widgets} rendered by the core (KPI tiles,
 * charts, tables, text and a map) or a {@link nl.proeftuin.api.screen.PageScreen page of the
 * bundle's own} served from its resources.
 *
 * <p>Prefer widgets: the core renders them accessibly and in both languages, with a data table
 * beside every chart, and keeps them live as measurements arrive. The sealed interfaces here are
 * implemented only by the records in this package; the core handles each kind.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package nl.proeftuin.api.screen;
