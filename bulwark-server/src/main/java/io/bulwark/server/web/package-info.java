/**
 * The web app pages (Thymeleaf): sign-in, password change, the start page and the generic
 * access-denied page. Security decisions are made in {@code auth}; these controllers only show
 * pages and hand submitted values on.
 */
package io.bulwark.server.web;
