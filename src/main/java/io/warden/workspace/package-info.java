/** Workspaces: customer environments inside an organization, and which of them a caller may see. */
package io.warden.workspace;
