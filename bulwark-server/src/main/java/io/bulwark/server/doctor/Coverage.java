package io.bulwark.server.doctor;

/** How much of a baseline requirement Bulwark builds today (O1); see {@link Baseline}. */
public enum Coverage {
  /** Built as the baseline says; its checks decide the grade. */
  COMPLETE,
  /** Partly built: a check that passes still reports NOT-IMPLEMENTED, naming what is missing. */
  PARTIAL,
  /** Not built: reported as NOT-IMPLEMENTED with the plan. */
  NONE
}
