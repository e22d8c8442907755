// SPDX-License-Identifier: EUPL-1.2
/**
 * The identity module's settings per municipality and the service provider's own key and certificate
 * (configured, or generated once into the data directory, readable by the owner only).
 */
@NullMarked
package de.openrathaus.identity.config;

import org.jspecify.annotations.NullMarked;
