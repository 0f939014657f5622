/**
 * Process instances: start by key or definition, message correlation (catch events and message
 * start events), variables, deletion, and the one list query of running instances.
 */
package io.bulwark.engine.instance;
