/** Shared reading of import bodies: field checks that name each rejected field, keys and import counts. */
package io.warden.platform.importing;
