// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

/**
 * Where document contents live, addressed by their SHA-256. Implementations encrypt what they store
 * ({@link ContentCipher}, a data key per content wrapped with the municipality's key) and check the hash
 * on every read, so a changed or damaged content is never handed out as the original.
 */
public interface ContentStore {

	/** Stores the content (once per hash) and returns its SHA-256 in hex. */
	String put(byte[] content);

	/** The content with this hash; fails if it is missing or does not match its hash. */
	byte[] get(String sha256);

	/** Removes the content for good (destruction at the end of retention); no error if it is gone already. */
	void delete(String sha256);

	/**
	 * Re-wraps the content's data key under the municipality's current key, or encrypts a content stored
	 * before encryption; returns whether the stored object changed (false if it was current or is gone).
	 */
	boolean rewrap(String sha256);
}
