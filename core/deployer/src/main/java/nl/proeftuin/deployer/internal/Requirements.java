package nl.proeftuin.deployer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/**
 * Finds every requirement of a bundle that nothing installed can satisfy, and says it in plain words, e.g.
 * "needs package com.example.lib (version 2.0.0 up to 3.0.0); the platform has 1.4.0".
 */
final class Requirements {

    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern BUNDLE = Pattern.compile("\\(osgi\\.wiring\\.bundle=([^)]+)\\)");
    private static final Pattern EE = Pattern.compile("\\(osgi\\.ee=([^)]+)\\)");
    private static final Pattern EXTENDER = Pattern.compile("\\(osgi\\.extender=([^)]+)\\)");
    private static final Pattern FLOOR = Pattern.compile("\\((?:version|bundle-version)>=([^)]+)\\)");
    private static final Pattern CEILING = Pattern.compile("\\(!\\((?:version|bundle-version)>=([^)]+)\\)\\)");

    private Requirements() {
    }

    static List<String> unresolved(Bundle bundle, BundleContext context) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        List<String> words = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
            if (Namespace.RESOLUTION_OPTIONAL.equals(resolution)
                    || (effective != null && !Namespace.EFFECTIVE_RESOLVE.equals(effective))) {
                continue;
            }
            if (!wiring.findProviders(requirement).isEmpty()) {
                continue;
            }
            words.add(describe(requirement, context));
        }
        return words;
    }

    static String describe(BundleRequirement requirement, BundleContext context) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String range = range(filter);
        Matcher m;
        if ((m = PACKAGE.matcher(filter)).find()) {
            String name = m.group(1);
            Set<String> available = exportedVersions(name, context);
            return "Needs package " + name + range + ", which no installed bundle provides"
                    + (available.isEmpty() ? "" : " (the platform has version " + String.join(", ", available) + ")")
                    + ". It starts by itself once a bundle that exports it is deployed.";
        }
        if ((m = BUNDLE.matcher(filter)).find()) {
            return "Needs bundle " + m.group(1) + range + ", which is not installed.";
        }
        if ((m = EE.matcher(filter)).find()) {
            return "Needs Java execution environment " + m.group(1) + range + ", which this platform's Java ("
                    + System.getProperty("java.specification.version") + ") does not provide.";
        }
        if ((m = EXTENDER.matcher(filter)).find()) {
            return "Needs the extender " + m.group(1) + range + ", which the platform does not have.";
        }
        return "Needs " + requirement.getNamespace() + " " + filter + ", which nothing installed provides.";
    }

    private static String range(String filter) {
        Matcher floor = FLOOR.matcher(filter);
        Matcher ceiling = CEILING.matcher(filter);
        boolean hasFloor = floor.find();
        boolean hasCeiling = ceiling.find();
        if (hasFloor && hasCeiling) {
            return " (version " + floor.group(1) + " up to, not including, " + ceiling.group(1) + ")";
        }
        if (hasFloor) {
            return " (version " + floor.group(1) + " or later)";
        }
        return "";
    }

    private static Set<String> exportedVersions(String packageName, BundleContext context) {
        Set<String> versions = new TreeSet<>();
        for (Bundle other : context.getBundles()) {
            BundleRevision revision = other.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (packageName.equals(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    versions.add(String.valueOf(capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));
                }
            }
        }
        return versions;
    }
}
