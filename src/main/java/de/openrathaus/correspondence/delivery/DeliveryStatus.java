// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

/**
 * Where a message stands. The order is the order of progress: a status never moves back, and
 * FAILED is reached only from QUEUED or SENT.
 */
public enum DeliveryStatus {
	QUEUED, SENT, DELIVERED, OPENED, FAILED
}
