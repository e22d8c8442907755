// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

import de.openrathaus.files.Sha256;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs, shipped as a compressed tar archive inside a Maven artifact, unpacked
 * once into a directory named by the archive's digest. Unpacking goes to a temporary sibling that is
 * renamed when complete, so an interrupted unpack never leaves a half-filled directory that looks ready.
 */
final class PostgresBinaries {

	private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private PostgresBinaries() {
	}

	/** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it if needed. */
	static Path prepare(Path parent) throws IOException {
		String os = System.getProperty("os.name").toLowerCase();
		String arch = System.getProperty("os.arch");
		if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
			throw new IllegalStateException("The embedded PostgreSQL ships for Linux on x86-64 only (this is " + os
					+ " on " + arch + "). Configure an external PostgreSQL with spring.datasource.url (see README).");
		}
		String digest = digest();
		Files.createDirectories(parent);
		Path home = parent.resolve("postgres-" + digest.substring(0, 16));
		if (Files.isRegularFile(home.resolve(".complete"))) {
			return home;
		}
		try (FileChannel channel = FileChannel.open(parent.resolve(".unpack.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.isRegularFile(home.resolve(".complete"))) {
				return home;
			}
			Path partial = Files.createTempDirectory(parent, ".unpacking-");
			log.info("Unpacking the embedded PostgreSQL into {}", home);
			try (InputStream archive = open(); TarArchiveInputStream tar = new TarArchiveInputStream(
					new XZInputStream(new BufferedInputStream(archive)))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					extract(tar, entry, partial);
				}
			}
			Files.writeString(partial.resolve(".complete"), digest);
			if (Files.exists(home)) {
				deleteRecursively(home);
			}
			Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
			return home;
		}
	}

	private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
		Path target = root.resolve(entry.getName()).normalize();
		if (!target.startsWith(root)) {
			throw new IOException("Archive entry outside its directory: " + entry.getName());
		}
		if (entry.isDirectory()) {
			Files.createDirectories(target);
		}
		else if (entry.isSymbolicLink()) {
			Path link = Path.of(entry.getLinkName());
			if (link.isAbsolute() || !target.getParent().resolve(link).normalize().startsWith(root)) {
				throw new IOException("Archive link outside its directory: " + entry.getName());
			}
			Files.createDirectories(target.getParent());
			Files.createSymbolicLink(target, link);
		}
		else if (entry.isFile()) {
			Files.createDirectories(target.getParent());
			Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
			Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
			if ((entry.getMode() & 0100) != 0) {
				permissions.add(PosixFilePermission.OWNER_EXECUTE);
			}
			Files.setPosixFilePermissions(target, permissions);
		}
	}

	private static String digest() throws IOException {
		try (InputStream in = open()) {
			return Sha256.hex(in);
		}
	}

	private static InputStream open() throws IOException {
		InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
		if (archive == null) {
			throw new IOException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the class path");
		}
		return archive;
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}
}
