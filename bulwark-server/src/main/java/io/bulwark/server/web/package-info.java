/**
 * The web app pages (Thymeleaf) and what they share: sign-in, password change, the start page, the
 * generic access-denied and error pages (W5, Z3), the layout's model ({@code LayoutModelAdvice})
 * and the signed-in user as an engine principal ({@code WebUser}). Security decisions are made in
 * {@code auth} and the engine; these controllers only show pages and hand submitted values on. The
 * apps live in subpackages ({@code tasklist}).
 */
package io.bulwark.server.web;
