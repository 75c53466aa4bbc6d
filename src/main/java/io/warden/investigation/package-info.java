/** Investigation logs: Microsoft Graph sign-in and directory-audit imports and their filtered, paged lists. */
package io.warden.investigation;
