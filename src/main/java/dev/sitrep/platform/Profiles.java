package dev.sitrep.platform;

import dev.sitrep.core.Limits;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.http.PlatformUrl;
import dev.sitrep.platform.http.TrustedCertificates;
import dev.sitrep.platform.so1.So1Connector;
import dev.sitrep.store.ProfileRepository;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.WorkspaceSettings;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** The workspace's platform profiles: checked when added, so a bad one never reaches a halt. */
public final class Profiles {

    private final Store store;
    private final Clock clock;
    private final Supplier<String> actor;

    public Profiles(Store store, Clock clock, Supplier<String> actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    public PlatformProfile add(PlatformProfile profile) {
        PlatformProfile p = check(profile);
        return store.write(tx -> {
            DrillGuard.check(WorkspaceSettings.isDrill(tx), p);
            if (tx.profiles().find(p.name()).isPresent()) {
                throw SitrepException.invalid("A platform named " + p.name() + " already exists; remove it first "
                        + "('sitrep platform remove " + p.name() + "') or choose another name.");
            }
            tx.profiles().insert(p, actor.get(), clock.instant());
            tx.changed(ProfileRepository.ENTITY, p.name());
            return p;
        });
    }

    public void remove(String name) {
        store.write(tx -> {
            if (!tx.profiles().delete(name)) {
                throw notFound(name);
            }
            tx.changed(ProfileRepository.ENTITY, name);
            return null;
        });
    }

    /** Replaces a profile of the same name (the drill's sandbox moves to a new port each run). */
    public PlatformProfile replace(PlatformProfile profile) {
        PlatformProfile p = check(profile);
        return store.write(tx -> {
            DrillGuard.check(WorkspaceSettings.isDrill(tx), p);
            tx.profiles().delete(p.name());
            tx.profiles().insert(p, actor.get(), clock.instant());
            tx.changed(ProfileRepository.ENTITY, p.name());
            return p;
        });
    }

    /** Opens a connector for the named profile, refusing anything but the sandbox in a drill workspace. */
    public PlatformConnector connect(PlatformProfile profile, Secrets secrets) {
        DrillGuard.check(store.read(WorkspaceSettings::isDrill), profile);
        return Connectors.open(profile, secrets, clock);
    }

    /** The longest path an endpoint snapshot asks for (its evidence name holds it). */
    public static final int SNAPSHOT_PATH_MAX = 400;

    /**
     * An endpoint snapshot of the profile's platform, under the same drill rule as {@link #connect};
     * a path that is too long, or holds spaces or control characters, is refused before anything is sent.
     */
    public dev.sitrep.platform.http.EndpointSnapshot snapshot(PlatformProfile profile, String path) {
        Limits.bounded("path", path, SNAPSHOT_PATH_MAX);
        if (!path.matches("\\S+") || path.chars().anyMatch(Character::isISOControl)) {
            throw SitrepException.invalid("The path " + Limits.quote(path) + " has spaces or control characters; give one "
                    + "like /health.");
        }
        DrillGuard.check(store.read(WorkspaceSettings::isDrill), profile);
        return Connectors.snapshot(profile, path, clock);
    }

    public PlatformProfile get(String name) {
        return store.read(tx -> tx.profiles().find(name)).orElseThrow(() -> notFound(name));
    }

    public List<PlatformProfile> list() {
        return store.read(tx -> tx.profiles().list());
    }

    private static SitrepException notFound(String name) {
        return SitrepException.notFound("No platform named " + Limits.shown(name) + "; 'sitrep platform list' shows the configured ones.");
    }

    /** The longest URL and e-mail a profile keeps (V2__platform_profiles.sql), and the most so1 flags. */
    public static final int URL_MAX = 2_000;
    public static final int EMAIL_MAX = 320;
    public static final int FLAGS_MAX = 16;

    /** Refuses a profile that cannot work, naming what is wrong and how to fix it. */
    static PlatformProfile check(PlatformProfile p) {
        PlatformProfile.checkName(p.name());
        Limits.bounded("URL", p.url(), URL_MAX);
        Limits.bounded("e-mail address", p.email(), EMAIL_MAX);
        if (p.flags().size() > FLAGS_MAX) {
            throw SitrepException.invalid("There are " + p.flags().size() + " flags; the limit is " + FLAGS_MAX + ".");
        }
        p.flags().forEach(f -> So1Connector.flag(f, p.name()));
        PlatformKind kind = p.kind();
        if (kind.usesUrl()) {
            if (p.url() == null || p.url().isBlank()) {
                throw SitrepException.invalid("A " + kind.key() + " platform needs " + SitrepException.input("url") + " (its API's base address).");
            }
            PlatformUrl.parse(p.url());
            if (p.path() != null) {
                throw SitrepException.invalid("A " + kind.key() + " platform is reached by " + SitrepException.input("url") + ", not " + SitrepException.input("path") + ".");
            }
        } else {
            if (p.path() == null) {
                throw SitrepException.invalid("A " + kind.key() + " platform needs " + SitrepException.input("path") + " to its state database "
                        + "(state/orchestrator.db), not a URL.");
            }
            if (!Files.isRegularFile(p.path())) {
                throw SitrepException.invalid("There is no file at " + p.path() + "; point " + SitrepException.input("path") + " at WeatherVane's "
                        + "state/orchestrator.db.");
            }
        }
        if (kind == PlatformKind.POWERNODE && (p.email() == null || p.email().isBlank())) {
            throw SitrepException.invalid("A powernode platform needs " + SitrepException.input("email") + ": the account Sitrep logs in with (it needs "
                    + "the ai.kill_switch.manage permission).");
        }
        if (kind == PlatformKind.SO1 && p.flags().isEmpty()) {
            throw SitrepException.invalid("An so1 platform needs at least one " + SitrepException.input("flag") + ": the feature flags its kill switch "
                    + "disables.");
        }
        if (p.caCert() != null) {
            TrustedCertificates.with(p.caCert());
        }
        return p;
    }
}
