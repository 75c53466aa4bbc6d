/** Signed continuation tokens for paged queries. */
package io.warden.platform.paging;
