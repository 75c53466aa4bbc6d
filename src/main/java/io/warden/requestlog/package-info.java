/** Request logs and last-use tracking: buffered on the request thread, written in the background, purged by age. */
package io.warden.requestlog;
