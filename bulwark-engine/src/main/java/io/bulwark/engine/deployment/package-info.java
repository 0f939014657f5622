/**
 * Deployments: parsing BPMN resources with the hardened parser, duplicate filtering by content
 * hash, versioning per process key, storing resources and definitions, message start event
 * subscriptions.
 */
package io.bulwark.engine.deployment;
