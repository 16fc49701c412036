// Baseline: an Express 5 app with the hall server's middleware (security headers, JSON body
// parsing with the same limit) answering a constant ticket, i.e. the framework's ceiling.
import express from 'express';
import helmet from 'helmet';

const TICKET = {
  ticket: {
    id: 'bench',
    number: 'A001',
    serviceId: 'svc',
    status: 'waiting',
    issuedAt: new Date(0).toISOString(),
    peopleAhead: 0,
    estimatedWaitSeconds: 0,
  },
};

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(express.json({ limit: '64kb' }));
app.post('/api/v1/halls/:hallId/tickets', (_req, res) => {
  res.status(201).json(TICKET);
});
app.get('/api/v1/health', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
