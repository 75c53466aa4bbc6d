/** Portal users (humans), their organization roles, the user API and their sign-in through the container. */
package io.warden.user;
