/** Service tickets: ServiceNow import, search in a workspace and across workspaces, and links to incidents. */
package io.warden.ticket;
