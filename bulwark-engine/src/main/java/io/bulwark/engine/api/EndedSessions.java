package io.bulwark.engine.api;

/**
 * What {@link SessionService#endAll} ended (A10).
 *
 * @param sessions how many web sessions, on every node
 * @param tokens how many access tokens
 */
public record EndedSessions(int sessions, int tokens) {}
