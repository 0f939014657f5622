package io.bulwark.engine.api;

/** One resource (file) of a deployment, without its bytes. */
public record DeploymentResource(String id, String name, String deploymentId) {}
