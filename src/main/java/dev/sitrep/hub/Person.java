package dev.sitrep.hub;

/** Someone the hub knows by a personal token: every write they make through the hub is recorded as theirs. */
public record Person(String name, Role role) {
}
