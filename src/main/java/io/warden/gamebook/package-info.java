/** Gamebooks (automation playbooks) and their run history: import, lists, and the runs on an incident. */
package io.warden.gamebook;
