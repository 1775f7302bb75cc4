package org.villagepoints.auth;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt (cost 10). Also used for villagers' 6-digit PINs, which are throttled on top. */
@Singleton
public class PasswordHasher {

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
  /** Compared against when the user does not exist, so both failures take the same time. */
  private final String dummyHash = encoder.encode("not-a-real-password");

  public String hash(String password) {
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    return encoder.matches(password, hash == null ? dummyHash : hash);
  }
}
