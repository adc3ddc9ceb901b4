// The interview room's browser side: camera and microphone, one RTCPeerConnection per other person (a mesh: at
// most five panel members and the candidate), signalling over the portal's own websocket. Served as a plain module
// from the portal's resources; no npm, no build step. Media goes browser to browser and is never recorded.

class InterviewRoom extends HTMLElement {

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.labels = JSON.parse(this.getAttribute('labels') || '{}');
    this.panelMember = this.getAttribute('role') === 'PANEL';
    this.peers = new Map();        // id -> {name, role, waiting}
    this.connections = new Map();  // id -> {pc, pendingCandidates: [], remoteSet: false}
    this.render();
    this.start();
  }

  disconnectedCallback() {
    this.shutDown();
  }

  t(key) {
    return this.labels[key] || key;
  }

  render() {
    this.innerHTML = `
      <div class="room-status" id="room-status"></div>
      <div class="room-waiting-list" id="room-waiting-list"></div>
      <div class="room-videos" id="room-videos">
        <figure class="room-tile room-self">
          <video id="room-local" autoplay playsinline muted></video>
          <figcaption></figcaption>
        </figure>
      </div>
      <div class="room-controls">
        <button type="button" id="room-camera"></button>
        <button type="button" id="room-microphone"></button>
        <button type="button" id="room-leave" class="room-danger"></button>
        ${this.panelMember ? '<button type="button" id="room-end" class="room-danger"></button>' : ''}
      </div>`;
    this.querySelector('.room-self figcaption').textContent = this.t('room.you');
    this.querySelector('#room-leave').textContent = this.t('room.leave');
    if (this.panelMember) {
      this.querySelector('#room-end').textContent = this.t('room.end');
      this.querySelector('#room-end').addEventListener('click', () => this.send({type: 'end'}));
    }
    this.querySelector('#room-camera').addEventListener('click', () => this.toggle('video'));
    this.querySelector('#room-microphone').addEventListener('click', () => this.toggle('audio'));
    this.querySelector('#room-leave').addEventListener('click', () => this.leave());
    this.updateToggles();
    this.status(this.t('room.connecting'));
  }

  async start() {
    try {
      this.localStream = await navigator.mediaDevices.getUserMedia({video: true, audio: true});
      this.querySelector('#room-local').srcObject = this.localStream;
    } catch (error) {
      // the room still works to watch and listen; the failure is recorded with the browser's reason
      this.localStream = null;
      this.mediaError = `${error.name}: ${error.message}`;
    }
    this.updateToggles();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}${this.getAttribute('signal-path')}`
      + `?interview=${encodeURIComponent(this.getAttribute('interview-id'))}`
      + `&lang=${encodeURIComponent(this.getAttribute('lang') || 'zh')}`;
    this.socket = new WebSocket(url);
    this.socket.addEventListener('message', event => this.onMessage(JSON.parse(event.data)));
    this.socket.addEventListener('close', () => {
      if (!this.finished) this.status(this.t('room.disconnected'), 'room-error');
      this.closeAll();
    });
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  async onMessage(message) {
    switch (message.type) {
      case 'welcome':
        this.self = message.self;
        this.iceServers = message.iceServers || [];
        if (this.mediaError) this.send({type: 'failed', reason: this.mediaError});
        message.peers.forEach(peer => this.peers.set(peer.id, peer));
        if (this.self.waiting) {
          this.status(this.t('room.waiting'), 'room-waiting');
        } else {
          this.status(this.t('room.inRoom'));
          // the newcomer calls everyone already in; a waiting candidate is called once admitted
          message.peers.filter(peer => !peer.waiting).forEach(peer => this.call(peer.id));
        }
        this.renderWaitingList();
        break;
      case 'joined':
        this.peers.set(message.peer.id, message.peer);
        this.renderWaitingList();
        break;
      case 'admitted':
        this.self.waiting = false;
        this.status(this.t('room.inRoom'));
        message.peers.forEach(peer => this.peers.set(peer.id, peer));
        message.peers.filter(peer => !peer.waiting).forEach(peer => this.call(peer.id));
        break;
      case 'peer-admitted':
        this.peers.set(message.peer.id, message.peer);
        this.renderWaitingList();
        break;
      case 'signal':
        await this.onSignal(message.from, message.data);
        break;
      case 'left':
        this.peers.delete(message.id);
        this.hangUp(message.id);
        this.renderWaitingList();
        break;
      case 'ended':
        this.finished = true;
        this.status(this.t('room.ended'), 'room-ended');
        this.shutDown();
        break;
      case 'refused':
        this.finished = true;
        this.status(message.message, 'room-error');
        this.querySelector('#room-status').id = 'room-refused';
        this.stopMedia();
        break;
      case 'replaced':
        this.finished = true;
        this.status(this.t('room.replaced'), 'room-error');
        this.stopMedia();
        break;
      case 'error':
        this.status(message.message, 'room-error');
        break;
    }
  }

  connection(peerId) {
    let entry = this.connections.get(peerId);
    if (entry) return entry;
    const pc = new RTCPeerConnection({iceServers: this.iceServers});
    entry = {pc, pendingCandidates: [], remoteSet: false};
    this.connections.set(peerId, entry);
    if (this.localStream) {
      this.localStream.getTracks().forEach(track => pc.addTrack(track, this.localStream));
    } else {
      pc.addTransceiver('video', {direction: 'recvonly'});
      pc.addTransceiver('audio', {direction: 'recvonly'});
    }
    pc.addEventListener('icecandidate', event => {
      if (event.candidate) this.send({type: 'signal', to: peerId, data: {candidate: event.candidate}});
    });
    pc.addEventListener('track', event => this.showRemote(peerId, event.streams[0] || new MediaStream([event.track])));
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed') {
        this.send({type: 'failed', peer: peerId, reason: 'RTCPeerConnection connectionState failed'});
      }
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') {
        this.send({type: 'failed', peer: peerId, reason: 'ICE connection state failed'});
      }
    });
    return entry;
  }

  async call(peerId) {
    const {pc} = this.connection(peerId);
    await pc.setLocalDescription(await pc.createOffer());
    this.send({type: 'signal', to: peerId, data: {description: pc.localDescription}});
  }

  async onSignal(peerId, data) {
    const entry = this.connection(peerId);
    const pc = entry.pc;
    try {
      if (data.description) {
        await pc.setRemoteDescription(data.description);
        entry.remoteSet = true;
        for (const candidate of entry.pendingCandidates.splice(0)) await pc.addIceCandidate(candidate);
        if (data.description.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          this.send({type: 'signal', to: peerId, data: {description: pc.localDescription}});
        }
      } else if (data.candidate) {
        if (entry.remoteSet) await pc.addIceCandidate(data.candidate);
        else entry.pendingCandidates.push(data.candidate);
      }
    } catch (error) {
      this.send({type: 'failed', peer: peerId, reason: `${error.name}: ${error.message}`});
    }
  }

  showRemote(peerId, stream) {
    let video = this.querySelector(`video[data-peer="${CSS.escape(peerId)}"]`);
    if (!video) {
      const tile = document.createElement('figure');
      tile.className = 'room-tile room-remote-tile';
      tile.dataset.peer = peerId;
      video = document.createElement('video');
      video.className = 'room-remote';
      video.dataset.peer = peerId;
      video.autoplay = true;
      video.playsInline = true;
      const caption = document.createElement('figcaption');
      const peer = this.peers.get(peerId);
      caption.textContent = peer ? `${peer.name} · ${this.t('room.role.' + peer.role)}` : '';
      tile.append(video, caption);
      this.querySelector('#room-videos').append(tile);
    }
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      video.play().catch(() => { /* autoplay waits for the first frame */ });
    }
  }

  hangUp(peerId) {
    const entry = this.connections.get(peerId);
    if (entry) entry.pc.close();
    this.connections.delete(peerId);
    const tile = this.querySelector(`figure[data-peer="${CSS.escape(peerId)}"]`);
    if (tile) tile.remove();
  }

  renderWaitingList() {
    const list = this.querySelector('#room-waiting-list');
    list.replaceChildren();
    if (!this.panelMember) return;
    [...this.peers.values()].filter(peer => peer.waiting).forEach(peer => {
      const row = document.createElement('div');
      row.className = 'room-waiting-entry';
      const text = document.createElement('span');
      text.textContent = this.t('room.waitingFor').replace('{0}', peer.name);
      const admit = document.createElement('button');
      admit.type = 'button';
      admit.id = 'room-admit';
      admit.className = 'room-primary';
      admit.textContent = this.t('room.admit');
      admit.addEventListener('click', () => this.send({type: 'admit'}));
      row.append(text, admit);
      list.append(row);
    });
  }

  toggle(kind) {
    if (!this.localStream) return;
    const tracks = kind === 'video' ? this.localStream.getVideoTracks() : this.localStream.getAudioTracks();
    tracks.forEach(track => { track.enabled = !track.enabled; });
    this.updateToggles();
  }

  updateToggles() {
    const camera = this.querySelector('#room-camera');
    const microphone = this.querySelector('#room-microphone');
    if (!this.localStream) {
      camera.textContent = this.t('room.noCamera');
      camera.disabled = true;
      microphone.disabled = true;
      microphone.textContent = this.t('room.microphone.on');
      return;
    }
    const cameraOn = this.localStream.getVideoTracks().some(track => track.enabled);
    const microphoneOn = this.localStream.getAudioTracks().some(track => track.enabled);
    camera.disabled = false;
    microphone.disabled = false;
    camera.textContent = this.t(cameraOn ? 'room.camera.off' : 'room.camera.on');
    microphone.textContent = this.t(microphoneOn ? 'room.microphone.off' : 'room.microphone.on');
    camera.setAttribute('aria-pressed', String(!cameraOn));
    microphone.setAttribute('aria-pressed', String(!microphoneOn));
  }

  leave() {
    this.finished = true;
    this.status(this.t('room.left'), 'room-ended');
    this.shutDown();
  }

  status(text, kind) {
    const status = this.querySelector('#room-status, #room-refused');
    status.textContent = text;
    status.className = 'room-status' + (kind ? ' ' + kind : '');
    this.dataset.state = kind || 'open';
  }

  closeAll() {
    [...this.connections.keys()].forEach(peerId => this.hangUp(peerId));
  }

  stopMedia() {
    if (this.localStream) this.localStream.getTracks().forEach(track => track.stop());
  }

  shutDown() {
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) this.socket.close();
    this.closeAll();
    this.stopMedia();
    this.querySelectorAll('.room-controls button').forEach(button => { button.disabled = true; });
  }
}

if (!customElements.get('interview-room')) {
  customElements.define('interview-room', InterviewRoom);
}
