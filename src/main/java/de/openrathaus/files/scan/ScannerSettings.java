// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files.scan;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The malware scanner ({@code openrathaus.files.scanner}): off by default (the embedded mode has no clamd);
 * on, it reaches clamd at {@code socket} (a Unix socket) or else {@code host}:{@code port}.
 *
 * @param timeout     for a whole scan, connecting and answering included
 * @param maxSize     larger files are refused unchecked; keep it at or below clamd's StreamMaxLength
 * @param quarantine  where infected files are kept apart, named by their SHA-256; nothing serves this directory
 */
@ConfigurationProperties("openrathaus.files.scanner")
record ScannerSettings(boolean enabled, @Nullable String host, int port, @Nullable Path socket, Duration connectTimeout, Duration timeout,
		DataSize chunkSize, DataSize maxSize, Path quarantine) {

	ScannerSettings {
		host = host == null || host.isBlank() ? "localhost" : host;
		port = port == 0 ? 3310 : port;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
		timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
		chunkSize = chunkSize == null ? DataSize.ofKilobytes(64) : chunkSize;
		maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
		quarantine = quarantine == null ? Path.of("data/quarantine") : quarantine;
	}

	String endpoint() {
		return socket != null ? "unix:" + socket : "tcp://" + host + ":" + port;
	}
}
