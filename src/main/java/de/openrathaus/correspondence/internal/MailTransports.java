// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Chooses the mail transport by {@code openrathaus.mail.mode}. */
@Configuration(proxyBeanMethods = false)
class MailTransports {

	static final Session SESSION = Session.getInstance(new Properties());

	@Bean
	MailTransport mailTransport(CorrespondenceSettings settings, ObjectProvider<JavaMailSender> smtp) {
		if (settings.mode() == CorrespondenceSettings.Mode.SMTP) {
			JavaMailSender sender = smtp.getIfAvailable();
			if (sender == null) {
				throw new IllegalStateException("openrathaus.mail.mode=smtp needs spring.mail.host (and port, username, password)");
			}
			if (sender instanceof JavaMailSenderImpl configurable) {
				Properties properties = configurable.getJavaMailProperties();
				withTimeouts(properties, settings);
				configurable.setJavaMailProperties(properties); // drops a session made before
			}
			return (message, name) -> sender.send(message);
		}
		Path folder = settings.pickupDirectory().toAbsolutePath();
		return (message, name) -> {
			Files.createDirectories(folder);
			Path temporary = folder.resolve(name + ".tmp");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				message.writeTo(out);
			}
			// atomic rename: a reader never sees half a mail
			Files.move(temporary, folder.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
		};
	}

	/**
	 * Jakarta Mail waits for ever by default: a server that accepts the connection and never answers
	 * held up every mail of every municipality. Timeouts set in {@code spring.mail.properties} win.
	 */
	static void withTimeouts(Properties properties, CorrespondenceSettings settings) {
		for (String protocol : new String[] {"smtp", "smtps"}) {
			properties.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
			properties.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(settings.readTimeout().toMillis()));
			properties.putIfAbsent("mail." + protocol + ".writetimeout", String.valueOf(settings.writeTimeout().toMillis()));
		}
	}
}
