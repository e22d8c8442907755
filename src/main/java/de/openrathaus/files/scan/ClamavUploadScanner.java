// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files.scan;

import java.io.IOException;

import de.openrathaus.files.ScanVerdict;
import de.openrathaus.files.UploadScanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Uploads checked by clamd when configured, else taken unchecked and said so. Infected files are refused,
 * quarantined and reported in the log by channel, signature, size and hash: never by the uploader or the file
 * name (which a citizen chose and may name a person). A failed or late check is a refusal, not a pass.
 */
@Component
class ClamavUploadScanner implements UploadScanner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClamavUploadScanner.class);

	private final ScannerSettings settings;
	private final ClamdClient client;
	private final Quarantine quarantine;

	ClamavUploadScanner(ScannerSettings settings) {
		this.settings = settings;
		this.client = new ClamdClient(settings.socket(), settings.host(), settings.port(), settings.connectTimeout(), settings.timeout(),
				(int) settings.chunkSize().toBytes());
		this.quarantine = new Quarantine(settings.quarantine());
		if (!settings.enabled()) {
			log.warn("Uploads are not checked for malware: openrathaus.files.scanner.enabled is false (see README, \"Malware scan\")");
		}
	}

	@Override
	public ScanVerdict scan(byte[] content, String channel) {
		if (!settings.enabled()) {
			return ScanVerdict.notScanned();
		}
		if (content.length > settings.maxSize().toBytes()) {
			log.warn("Upload on {} not scanned: {} bytes exceed the scanner's limit of {}", channel, content.length, settings.maxSize());
			return ScanVerdict.failed();
		}
		ScanVerdict verdict;
		try {
			verdict = client.scan(content);
		}
		catch (IOException e) {
			log.warn("Upload on {} could not be scanned at {}: {}", channel, settings.endpoint(), e.getMessage());
			return ScanVerdict.failed();
		}
		if (verdict.outcome() == ScanVerdict.Outcome.INFECTED) {
			String sha;
			try {
				sha = quarantine.keep(content);
			}
			catch (IOException e) {
				log.error("MALWARE refused on {}: {} ({} bytes), but the quarantine failed: {}", channel, verdict.signature(), content.length,
						e.getMessage());
				return verdict;
			}
			log.warn("MALWARE refused on {}: {} ({} bytes), quarantined as {}", channel, verdict.signature(), content.length, sha);
		}
		return verdict;
	}

	@Override
	public ScannerStatus status() {
		return new ScannerStatus(settings.enabled(), settings.enabled() ? settings.endpoint() : "");
	}

	@Override
	public void destroy() {
		client.close();
	}
}
