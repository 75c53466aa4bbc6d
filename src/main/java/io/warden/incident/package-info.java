/**
 * Incidents: Sentinel import of incidents, their entities and comments, the cross-workspace query
 * with continuation paging, single incidents with their details, status and owner changes with
 * ETags, bulk updates, comments and the history of changes made through the API.
 */
package io.warden.incident;
