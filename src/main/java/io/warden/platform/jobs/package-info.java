/** Coordination of scheduled jobs between server nodes that share one database. */
package io.warden.platform.jobs;
