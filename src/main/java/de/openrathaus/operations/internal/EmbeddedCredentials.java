// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The generated passwords of the embedded PostgreSQL's roles, kept in its data directory in a file only
 * the owner of the process can read. They never appear in configuration or logs.
 *
 * @param superuserPassword the cluster's superuser, used only to create roles and the database
 * @param ownerPassword the role that owns the schemas and runs the migrations
 * @param applicationPassword the role the application works as
 */
record EmbeddedCredentials(String superuserPassword, String ownerPassword, String applicationPassword) {

	static final String FILE = "openrathaus-credentials.properties";

	private static final SecureRandom random = new SecureRandom();

	static EmbeddedCredentials generate() {
		return new EmbeddedCredentials(secret(), secret(), secret());
	}

	static Optional<EmbeddedCredentials> read(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(FILE);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		String superuser = properties.getProperty("superuser");
		String owner = properties.getProperty("owner");
		String application = properties.getProperty("application");
		if (superuser == null || owner == null || application == null) {
			throw new IllegalStateException(file + " is incomplete; restore it from the backup of the data directory");
		}
		return Optional.of(new EmbeddedCredentials(superuser, owner, application));
	}

	void write(Path dataDirectory) throws IOException {
		Path file = dataDirectory.resolve(FILE);
		Path partial = dataDirectory.resolve(FILE + ".new");
		Files.deleteIfExists(partial);
		if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(partial); // Windows: the data directory under the user's profile is private to the user already
		}
		Properties properties = new Properties();
		properties.setProperty("superuser", superuserPassword);
		properties.setProperty("owner", ownerPassword);
		properties.setProperty("application", applicationPassword);
		try (Writer writer = Files.newBufferedWriter(partial, StandardOpenOption.WRITE)) {
			properties.store(writer, "Passwords of the embedded PostgreSQL's roles (generated; keep with the data)");
		}
		try (var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "EmbeddedCredentials[hidden]";
	}
}
