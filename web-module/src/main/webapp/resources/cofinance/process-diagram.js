/*
 * The request's process drawn by bpmn-js (the viewer of Camunda Modeler, served by the application) from the BPMN
 * of the request's own process version, the steps passed and the current ones marked from the engine's history.
 * The same steps are listed as text beside it for screen readers.
 */
(function () {
    'use strict';

    var container = document.getElementById('diagram');
    if (!container || !window.BpmnJS) {
        return;
    }

    function ids(attribute) {
        var value = container.getAttribute(attribute);
        return value ? value.split(' ') : [];
    }

    var viewer = new window.BpmnJS({ container: container });
    viewer.importXML(container.getAttribute('data-bpmn')).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        function mark(list, marker) {
            list.forEach(function (id) {
                if (registry.get(id)) {
                    canvas.addMarker(id, marker);
                }
            });
        }
        canvas.zoom('fit-viewport');
        mark(ids('data-done'), 'step-done');
        mark(ids('data-active'), 'step-active');
        container.setAttribute('data-drawn', 'true');
    }).catch(function () {
        container.setAttribute('data-drawn', 'failed');
        container.textContent = container.getAttribute('data-failed');
        ['process-steps-title', 'process-steps'].forEach(function (id) {
            document.getElementById(id).classList.remove('sr-only');
        });
    });
}());
