/**
 * The remote mode of {@code bulwark doctor} (O1): probes a live server over the network, one
 * finding per requirement that can be seen from outside (T1-T5, W1, W3-W5, W7, A1). The probe
 * connects to any certificate in order to inspect it; it never trusts one for a decision.
 */
package io.bulwark.server.doctor.remote;
