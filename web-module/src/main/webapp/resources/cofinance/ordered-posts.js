/*
 * A form sent while one of the page's own background updates is still on its way (the change of the field just left,
 * which the click on the button fires first) waits for that update to be answered, and is then sent as the button
 * sent it. Sent together, the two would be worked on at once by the server, on the same page state: after a node of
 * the cluster died, the update could have the page reloaded over the answer to a save the server had made. While
 * it waits the form carries data-waiting-for-update.
 */
(function () {
    'use strict';

    function pendingUpdates() {
        var queue = window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Queue;
        return queue && !queue.isEmpty() ? queue : null;
    }

    var waitingSubmitters = new WeakMap();

    function sendWhenAnswered(form, queue) {
        var waiting = setInterval(function () {
            if (!queue.isEmpty()) {
                return;
            }
            clearInterval(waiting);
            var submitter = waitingSubmitters.get(form);
            waitingSubmitters.delete(form);
            form.removeAttribute('data-waiting-for-update');
            if (submitter) {
                form.requestSubmit(submitter);
            } else {
                form.requestSubmit();
            }
        }, 20);
    }

    document.addEventListener('submit', function (event) {
        var queue = pendingUpdates();
        var form = event.target;
        if (!queue || !form.requestSubmit) {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        var alreadyWaiting = form.hasAttribute('data-waiting-for-update');
        waitingSubmitters.set(form, event.submitter || null);
        form.setAttribute('data-waiting-for-update', 'true');
        if (!alreadyWaiting) {
            sendWhenAnswered(form, queue);
        }
    }, true);
}());
