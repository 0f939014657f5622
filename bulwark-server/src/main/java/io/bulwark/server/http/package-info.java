/**
 * The first steps of the request path: correlation ID, security headers on every response (W3, W4,
 * T5), the request firewall that rejects hostile requests before anything else reads them (W6), the
 * Tomcat hardening that keeps the server from naming itself (W4), and the error answers: RFC 9457
 * problem details for the API and a generic page for the web apps (W5).
 */
package io.bulwark.server.http;
