// SPDX-License-Identifier: EUPL-1.2
/**
 * Resident parking zones (Bewohnerparkgebiete) per municipality with their streets, kept by the
 * municipality's administrators, and the one question other modules ask of them: in which zone does
 * this address lie ({@link de.openrathaus.parking.ParkingZones}). A leaf module: it knows no
 * application, no permit and no person, and must never store an applicant's address.
 */
@NullMarked
package de.openrathaus.parking;

import org.jspecify.annotations.NullMarked;
