package io.bulwark.server.mail;

import io.bulwark.server.engine.ConfigurationSecrets;
import io.bulwark.server.ldap.LdapSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail sender, when {@code bulwark.mail.host} is set (A11, T7), and the T7 doctor check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailSettings.class, LdapSettings.class})
public class MailConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${bulwark.mail.host:}'.isBlank()")
  public SmtpMailer smtpMailer(MailSettings settings, ConfigurationSecrets secrets) {
    return new SmtpMailer(
        settings, secrets.value(SmtpMailer.PASSWORD_SETTING), System::getenv, Clock.systemUTC());
  }

  @Bean
  public T7OutboundTlsCheck outboundTlsCheck(MailSettings mail, LdapSettings ldap) {
    return new T7OutboundTlsCheck(mail, ldap);
  }
}
