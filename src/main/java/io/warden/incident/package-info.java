/** Incidents: Sentinel import, the cross-workspace query with continuation paging, and single incidents. */
package io.warden.incident;
