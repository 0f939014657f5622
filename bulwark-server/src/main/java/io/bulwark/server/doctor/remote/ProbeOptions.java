package io.bulwark.server.doctor.remote;

import io.bulwark.server.config.BulwarkProfile;

/**
 * How to judge what the probe sees.
 *
 * @param profile the profile the server is meant to run in; production turns a self-signed
 *     certificate into a FAIL (T4)
 */
public record ProbeOptions(BulwarkProfile profile) {

  public ProbeOptions {
    profile = profile == null ? BulwarkProfile.DEV : profile;
  }

  boolean production() {
    return profile == BulwarkProfile.PRODUCTION;
  }
}
