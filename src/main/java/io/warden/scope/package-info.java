/** The scope catalog, the annotations that declare what a resource method requires, and their enforcement. */
package io.warden.scope;
