/** Settings records bound from {@code bulwark.*} properties, one record per concern. */
package io.bulwark.server.config;
