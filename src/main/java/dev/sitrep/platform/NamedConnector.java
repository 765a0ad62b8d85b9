package dev.sitrep.platform;

import dev.sitrep.core.PlatformKind;

import java.util.Set;

/** What every connector answers the same way: its profile's name, its kind and the capabilities it declares. */
public abstract class NamedConnector implements PlatformConnector {

    private final String name;
    private final PlatformKind kind;
    private final Set<Capability> capabilities;

    protected NamedConnector(String name, PlatformKind kind, Set<Capability> capabilities) {
        this.name = name;
        this.kind = kind;
        this.capabilities = capabilities;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final PlatformKind kind() {
        return kind;
    }

    @Override
    public final Set<Capability> capabilities() {
        return capabilities;
    }
}
