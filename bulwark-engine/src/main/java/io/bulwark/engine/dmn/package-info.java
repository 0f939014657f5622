/**
 * DMN 1.3 decisions (issue 16): deployment checks (E1 hardened XML, E2 FEEL only), storage lookup
 * by key and binding, and evaluation through Camunda's DMN engine library with Bulwark's one FEEL
 * engine for every entry.
 */
package io.bulwark.engine.dmn;
