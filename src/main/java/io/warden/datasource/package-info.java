/** Connected data sources of a workspace: import and the paged list. */
package io.warden.datasource;
