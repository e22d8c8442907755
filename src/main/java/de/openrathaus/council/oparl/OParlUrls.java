// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import java.util.UUID;

/** The absolute URLs of one municipality's API (its origin and body), which are the objects' ids. */
record OParlUrls(String origin, String body) {

	static final String ROOT = "/oparl/v1";

	String system() {
		return origin + ROOT;
	}

	String bodies() {
		return origin + ROOT + "/body";
	}

	String bodyObject() {
		return origin + ROOT + "/body/" + body;
	}

	String list(OParlKind kind) {
		return bodyObject() + "/" + kind.segment();
	}

	String object(OParlKind kind, UUID id) {
		return origin + ROOT + "/" + kind.segment() + "/" + id;
	}

	String download(UUID file) {
		return object(OParlKind.FILE, file) + "/download";
	}

	String web(String path) {
		return origin + path;
	}
}
