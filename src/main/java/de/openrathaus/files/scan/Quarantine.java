// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import de.openrathaus.files.Sha256;

/**
 * Infected uploads kept apart for the security officer's analysis, named by their SHA-256 with the suffix
 * {@code .quarantined}, readable only by the server's own user. No page and no download serves them.
 */
class Quarantine {

	private final Path directory;

	Quarantine(Path directory) {
		this.directory = directory;
	}

	/** Keeps the content and returns its SHA-256, the name the report gives. */
	String keep(byte[] content) throws IOException {
		String sha = Sha256.hex(content);
		Files.createDirectories(directory);
		Path file = directory.resolve(sha + ".quarantined");
		if (!Files.exists(file)) {
			Path partial = Files.createTempFile(directory, sha, ".partial");
			try {
				restrict(partial);
				Files.write(partial, content, StandardOpenOption.TRUNCATE_EXISTING);
				Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		return sha;
	}

	private static void restrict(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}
}
