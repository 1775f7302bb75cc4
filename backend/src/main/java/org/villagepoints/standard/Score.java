package org.villagepoints.standard;

/**
 * The 九有六无 score. Each answer's conclusion as reviewed is the committee's answer when the
 * town agrees and the opposite when it disagrees; a concluded-met answer (有: done, 无: held,
 * i.e. nothing happened all year) adds its item's weight. Score = Σ those weights; the
 * maximum is Σ all weights of the self-check.
 */
final class Score {

  static boolean counted(boolean met, boolean townAgrees) {
    return townAgrees == met;
  }

  private Score() {}
}
