// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
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

	/** Whether this file system knows POSIX permissions (not on Windows). */
	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private PostgresBinaries() {
	}

	/** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it if needed. */
	static Path prepare(Path parent) throws IOException {
		String archive = archive(System.getProperty("os.name"), System.getProperty("os.arch"));
		String digest = digest(archive);
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
			try (InputStream packed = open(archive); TarArchiveInputStream tar = new TarArchiveInputStream(
					new XZInputStream(new BufferedInputStream(packed)))) {
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
			if (POSIX) {
				Files.setPosixFilePermissions(target, permissions);
			}
		}
	}

	/**
	 * The archive of the binaries for this operating system and processor, as the zonky artifacts name it
	 * ({@code postgres-linux-x86_64.txz}, {@code postgres-darwin-arm_64.txz}, ...); the build brings the one
	 * for the machine it runs on (pom.xml, profiles {@code postgres-binaries-*}).
	 */
	static String archive(String osName, String osArch) {
		String os = osName.toLowerCase(java.util.Locale.ROOT);
		String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin"
				: os.contains("windows") ? "windows" : null;
		String arch = switch (osArch.toLowerCase(java.util.Locale.ROOT)) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> null;
		};
		if (system == null || arch == null || ("windows".equals(system) && !"x86_64".equals(arch))) {
			throw new IllegalStateException("The embedded PostgreSQL ships for Linux (x86-64, ARM64), macOS (Intel, Apple silicon) "
					+ "and Windows (x86-64) only (this is " + osName + " on " + osArch
					+ "). Configure an external PostgreSQL with spring.datasource.url (see README).");
		}
		return "postgres-" + system + "-" + arch + ".txz";
	}

	private static String digest(String archive) throws IOException {
		try (InputStream in = open(archive)) {
			return Sha256.hex(in);
		}
	}

	private static InputStream open(String name) throws IOException {
		InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(name);
		if (archive == null) {
			throw new IOException("The PostgreSQL binaries for this machine (" + name + ") are not on the class path: build "
					+ "OpenRathaus on the kind of machine it runs on (the build picks them by operating system and processor, "
					+ "see README 'The embedded database'), or configure an external PostgreSQL with spring.datasource.url.");
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
