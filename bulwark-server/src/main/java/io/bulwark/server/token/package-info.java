/**
 * Bearer access tokens of the integration API (A9): the token endpoint ({@code POST} and {@code
 * DELETE} {@value io.bulwark.server.token.AccessTokenController#PATH}, also as an OAuth 2.0
 * client-credentials token endpoint, RFC 6749), revocation per RFC 7009 ({@value
 * io.bulwark.server.token.TokenRevocationController#PATH}), the filter that accepts {@code
 * Authorization: Bearer} on {@code /engine-rest/**} and checks each token against the engine on
 * every request (A10), and the token lifetime setting.
 */
package io.bulwark.server.token;
