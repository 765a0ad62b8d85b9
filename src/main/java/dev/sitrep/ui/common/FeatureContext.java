package dev.sitrep.ui.common;

import dev.sitrep.services.Services;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What every page and sheet is built from: the workspace's services, the executor, the clocks, the navigator,
 * the operating system's parts, and the streams it can subscribe to (store changes, the one-second beat, platforms).
 */
public record FeatureContext(Services services, UiExecutor executor, Clock clock, ZoneId zone, Navigator navigator,
                             OsPorts ports, ChangePoller changes, SecondTicker ticker, PlatformWatch platforms,
                             Chrome chrome) {
}
