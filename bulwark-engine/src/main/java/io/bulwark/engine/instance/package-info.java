/**
 * Process instances: start by key or definition, message correlation (catch events and message
 * start events), variables, deletion.
 */
package io.bulwark.engine.instance;
