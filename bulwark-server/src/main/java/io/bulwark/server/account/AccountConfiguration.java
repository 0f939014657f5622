package io.bulwark.server.account;

import io.bulwark.server.engine.PasswordRecoveryProperties;
import io.bulwark.server.mail.MailSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account pages' doctor check (A11); the pages themselves are controllers. */
@Configuration(proxyBeanMethods = false)
public class AccountConfiguration {

  @Bean
  public A11PasswordRecoveryCheck passwordRecoveryCheck(
      MailSettings mail, PasswordRecoveryProperties recovery) {
    return new A11PasswordRecoveryCheck(mail, recovery);
  }
}
