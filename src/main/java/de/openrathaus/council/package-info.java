// SPDX-License-Identifier: EUPL-1.2
/**
 * Council information (Ratsinformation): bodies, legislative terms, persons and memberships, meetings
 * with agenda items, papers with their files and consultation sequence (Beratungsfolge), results,
 * votes and resolution texts; kept by the council office (Ratsbüro), shown on public pages and read
 * through the public OParl 1.1 API. A leaf module: other modules do not depend on it. It must never
 * show a non-public agenda item or paper on a public page or in the API.
 */
@NullMarked
package de.openrathaus.council;

import org.jspecify.annotations.NullMarked;
